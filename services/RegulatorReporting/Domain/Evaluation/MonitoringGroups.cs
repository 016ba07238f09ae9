using Accreditation.BuildingBlocks.Protobuf;
using Accreditation.Contracts.Enrolment.V1;

namespace Accreditation.RegulatorReporting.Domain.Evaluation;

/// <summary>
/// The groups of each equality-monitoring question: every answer of the question in its order
/// ("prefer not to say" included), then "not recorded" (no answers, or the question not asked).
/// Every group is always listed, so a table's shape never depends on who answered.
/// </summary>
public static class MonitoringGroups
{
    public const string NotRecorded = "NOT_RECORDED";
    public const string All = "ALL";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["AGE_BAND_PREFER_NOT_TO_SAY"] = "Prefer not to say",
        ["AGE_BAND_UNDER_25"] = "Under 25",
        ["AGE_BAND_25_TO_29"] = "25 to 29",
        ["AGE_BAND_30_TO_39"] = "30 to 39",
        ["AGE_BAND_40_TO_49"] = "40 to 49",
        ["AGE_BAND_50_TO_59"] = "50 to 59",
        ["AGE_BAND_60_AND_OVER"] = "60 and over",
        ["ETHNIC_GROUP_PREFER_NOT_TO_SAY"] = "Prefer not to say",
        ["ETHNIC_GROUP_ASIAN_OR_ASIAN_BRITISH"] = "Asian or Asian British",
        ["ETHNIC_GROUP_BLACK_AFRICAN_CARIBBEAN_OR_BLACK_BRITISH"] = "Black, African, Caribbean or Black British",
        ["ETHNIC_GROUP_MIXED_OR_MULTIPLE"] = "Mixed or multiple ethnic groups",
        ["ETHNIC_GROUP_WHITE"] = "White",
        ["ETHNIC_GROUP_OTHER"] = "Other ethnic group",
        ["SEX_PREFER_NOT_TO_SAY"] = "Prefer not to say",
        ["SEX_FEMALE"] = "Female",
        ["SEX_MALE"] = "Male",
        ["DISABILITY_PREFER_NOT_TO_SAY"] = "Prefer not to say",
        ["DISABILITY_YES"] = "Disabled",
        ["DISABILITY_NO"] = "Not disabled",
    };

    public static IReadOnlyList<MonitoringDimension> Dimensions { get; } = Enum.GetValues<MonitoringDimension>();

    public static string LabelOf(MonitoringDimension dimension) => dimension switch
    {
        MonitoringDimension.AgeBand => "Age band",
        MonitoringDimension.EthnicGroup => "Ethnic group",
        MonitoringDimension.Sex => "Sex",
        MonitoringDimension.Disability => "Disability",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };

    /// <summary>The groups of <paramref name="dimension"/>, in the question's order, "not recorded" last.</summary>
    public static IReadOnlyList<MonitoringGroup> Of(MonitoringDimension dimension)
    {
        var names = dimension switch
        {
            MonitoringDimension.AgeBand => Names<AgeBand>(),
            MonitoringDimension.EthnicGroup => Names<EthnicGroup>(),
            MonitoringDimension.Sex => Names<Sex>(),
            MonitoringDimension.Disability => Names<Disability>(),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
        };
        return [.. names.Select(n => new MonitoringGroup(n, Labels.GetValueOrDefault(n, n))), new MonitoringGroup(NotRecorded, "Not recorded")];
    }

    /// <summary>The group an enrolment's answers put it in (not recorded: no answers, the question not asked, or an answer this build does not know).</summary>
    public static string GroupOf(EqualityAnswers? answers, MonitoringDimension dimension)
    {
        if (answers is null)
        {
            return NotRecorded;
        }

        var answer = dimension switch
        {
            MonitoringDimension.AgeBand => answers.AgeBand,
            MonitoringDimension.EthnicGroup => answers.EthnicGroup,
            MonitoringDimension.Sex => answers.Sex,
            MonitoringDimension.Disability => answers.Disability,
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
        };
        return Labels.ContainsKey(answer ?? "") && (answer ?? "").StartsWith(Prefix(dimension), StringComparison.Ordinal) ? answer! : NotRecorded;
    }

    private static string Prefix(MonitoringDimension dimension) => dimension switch
    {
        MonitoringDimension.AgeBand => "AGE_BAND_",
        MonitoringDimension.EthnicGroup => "ETHNIC_GROUP_",
        MonitoringDimension.Sex => "SEX_",
        _ => "DISABILITY_",
    };

    private static IEnumerable<string> Names<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(ProtoEnumNames.NameOf);
}
