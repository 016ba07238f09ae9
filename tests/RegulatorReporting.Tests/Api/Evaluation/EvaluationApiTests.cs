using System.Net;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Accreditation.TestSupport;
using Google.Protobuf;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Tests.Api.Evaluation;

/// <summary>The evaluation API through the host, from events delivered as the sidecar delivers them, over real Redis.</summary>
[Collection(RedisGroup.Name)]
public sealed class EvaluationApiTests(RedisFixture redis) : EvaluationApiTestBase(redis)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    [Fact]
    public async Task GetStageFigures_SeededCohort_CountsRatesMedianAndSuppression()
    {
        await SeedAsync();

        var rows = (await EvaluationClient.GetStageFiguresAsync(new GetStageFiguresRequest())).Rows;

        Assert.Equal([Authorities.Bury, Authorities.Wigan, Authorities.Leeds, ""], rows.Select(r => r.AuthorityCode));
        var bury = rows[0];
        Assert.Equal(("6", "6", "6", "6", "6", "6", "6", "c"), (bury.Enrolled.Text, bury.Endorsed.Text, bury.SatKnowledgeTest.Text, bury.PassedKnowledgeTest.Text, bury.Observed.Text, bury.PassedSimulatedPractice.Text, bury.Accredited.Text, bury.Withdrawn.Text));
        Assert.Equal(("100.0", "20.0", 6d), (bury.KnowledgeTestPassRate.Text, bury.MedianDaysToAccreditation.Text, bury.Enrolled.Value));
        Assert.Equal(("c", false), (rows[1].Enrolled.Text, rows[1].Enrolled.HasValue));
        Assert.Equal("c", rows[2].Enrolled.Text);
        Assert.Equal("c", rows[2].SatKnowledgeTest.Text);
        Assert.Equal("c", rows[2].KnowledgeTestPassRate.Text);
        var all = rows[3];
        Assert.True(all.AllAuthorities);
        Assert.Equal(("13", "11", "6", "46.2", "54.5", "20.0"), (all.Enrolled.Text, all.SatKnowledgeTest.Text, all.Accredited.Text, all.AccreditationRate.Text, all.KnowledgeTestPassRate.Text, all.MedianDaysToAccreditation.Text));
    }

    [Fact]
    public async Task GetStageFigures_AuthorityFilter_SameControlledCellsAsTheWholeTable()
    {
        await SeedAsync();

        var whole = (await EvaluationClient.GetStageFiguresAsync(new GetStageFiguresRequest())).Rows;
        var leeds = (await EvaluationClient.GetStageFiguresAsync(new GetStageFiguresRequest { AuthorityCode = "e08000035", Phase = "PHASE-1", Role = Role.ChildAndFamilyPractitioner })).Rows;

        Assert.Equal([Authorities.Leeds, ""], leeds.Select(r => r.AuthorityCode));
        Assert.Equal(whole.Where(r => r.AuthorityCode is Authorities.Leeds or ""), leeds);
        Assert.Empty((await EvaluationClient.GetStageFiguresAsync(new GetStageFiguresRequest { Role = Role.PracticeSupervisor })).Rows);
    }

    [Fact]
    public async Task GetGroupGaps_EqualityMonitoringRecorded_GroupsGapsFlagsAndSuppression()
    {
        await SeedAsync();

        var response = await EvaluationClient.GetGroupGapsAsync(AgeBands());

        var groups = response.Groups.ToDictionary(g => g.Group);
        Assert.Equal(["AGE_BAND_PREFER_NOT_TO_SAY", "AGE_BAND_UNDER_25", "AGE_BAND_25_TO_29", "AGE_BAND_30_TO_39", "AGE_BAND_40_TO_49", "AGE_BAND_50_TO_59", "AGE_BAND_60_AND_OVER", "NOT_RECORDED", "ALL"], response.Groups.Select(g => g.Group));
        Assert.Equal(("6", "5", "c", "13"), (groups["AGE_BAND_30_TO_39"].Enrolled.Text, groups["AGE_BAND_50_TO_59"].Enrolled.Text, groups["NOT_RECORDED"].Enrolled.Text, groups["ALL"].Enrolled.Text));
        var older = groups["AGE_BAND_50_TO_59"].Measures.Single(m => m.Measure == EvaluationMeasure.KnowledgeTest);
        Assert.Equal(("c", "c", "c", false), (older.Rate.Text, older.Gap.Text, older.GapLower.Text, older.Flagged));
        var younger = groups["AGE_BAND_30_TO_39"].Measures.Single(m => m.Measure == EvaluationMeasure.Accreditation);
        Assert.Equal(("100.0", "100.0", true), (younger.Rate.Text, younger.Gap.Text, younger.Flagged));
        Assert.True(younger.GapLower.Value > 0);
        var test = groups["AGE_BAND_30_TO_39"].Measures.Single(m => m.Measure == EvaluationMeasure.KnowledgeTest);
        Assert.Equal(("100.0", "100.0", true), (test.Rate.Text, test.Gap.Text, test.Flagged));
        Assert.All(groups["ALL"].Measures, m => Assert.Equal(("z", false), (m.Gap.Text, m.Flagged)));
        Assert.All(groups["AGE_BAND_UNDER_25"].Measures, m => Assert.Equal(("c", "c", "c"), (m.Rate.Text, m.Gap.Text, m.GapLower.Text)));
    }

    [Fact]
    public async Task GetGroupGaps_EqualityAnswersRecordedTwice_NewestCountsOnce()
    {
        await SeedAsync();
        var late = await AccreditedAsync();
        await RecordEqualityAsync(late, Contracts.Enrolment.V1.AgeBand._30To39);
        await RecordEqualityAsync(late, Contracts.Enrolment.V1.AgeBand._30To39);

        var groups = (await EvaluationClient.GetGroupGapsAsync(AgeBands())).Groups.ToDictionary(g => g.Group);

        Assert.Equal(("7", "14"), (groups["AGE_BAND_30_TO_39"].Enrolled.Text, groups["ALL"].Enrolled.Text));
    }

    [Theory]
    [InlineData("", Role.ChildAndFamilyPractitioner, EqualityDimension.Sex, "phase")]
    [InlineData("phase-1", Role.Unspecified, EqualityDimension.Sex, "role")]
    [InlineData("phase-1", Role.ChildAndFamilyPractitioner, EqualityDimension.Unspecified, "dimension")]
    public async Task GetGroupGaps_MissingArgument_InvalidArgumentNamingTheField(string phase, Role role, EqualityDimension dimension, string field)
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => EvaluationClient.GetGroupGapsAsync(new GetGroupGapsRequest { Phase = phase, Role = role, Dimension = dimension }).ResponseAsync);

        Assert.Contains(field, e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStageFigures_MalformedAuthority_InvalidArgument()
    {
        var e = await FailsWith(StatusCode.InvalidArgument, () => EvaluationClient.GetStageFiguresAsync(new GetStageFiguresRequest { AuthorityCode = "Bury" }).ResponseAsync);

        Assert.Contains("authority_code", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpJson_BothRoutes_SameAnswersAsGrpc()
    {
        await SeedAsync();
        using var client = HttpClient(EvaluationToken());

        var stages = Parser.Parse<GetStageFiguresResponse>(await client.GetStringAsync(new Uri("/v1/evaluation/stages?phase=phase-1", UriKind.Relative)));
        using var groupsResponse = await client.GetAsync(new Uri("/v1/evaluation/groups?phase=phase-1&role=ROLE_CHILD_AND_FAMILY_PRACTITIONER&dimension=EQUALITY_DIMENSION_AGE_BAND", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, groupsResponse.StatusCode);
        Assert.Equal(await EvaluationClient.GetStageFiguresAsync(new GetStageFiguresRequest { Phase = "phase-1" }), stages);
        Assert.Equal(await EvaluationClient.GetGroupGapsAsync(AgeBands()), Parser.Parse<GetGroupGapsResponse>(await groupsResponse.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task HttpJson_GroupsWithoutPhase_BadRequest()
    {
        using var client = HttpClient(EvaluationToken());

        using var response = await client.GetAsync(new Uri("/v1/evaluation/groups?role=ROLE_PRACTICE_SUPERVISOR&dimension=EQUALITY_DIMENSION_SEX", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
