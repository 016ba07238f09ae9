using Accreditation.Contracts.Reporting.V1;
using Google.Protobuf.Reflection;

namespace Accreditation.RegulatorReporting.Tests.Api.Evaluation;

/// <summary>
/// The evaluation is aggregates only: every message an evaluation RPC takes or returns, walked
/// through all its fields recursively, has no field or type that could identify or describe one
/// candidate (ids, registration numbers, names of people, HR references, dates, attempts, scores,
/// raw equality answers), and no request can name a candidate.
/// </summary>
public sealed class EvaluationDataMinimisationTests
{
    private static readonly string[] ForbiddenFieldWords =
        ["id", "ids", "registration", "enrolment", "candidate", "given", "family", "email", "hr", "reference", "sitting", "session", "subject", "score", "attempt", "birth", "answers", "cursor", "token", "number", "at"];

    private static readonly string[] ForbiddenTypes =
        ["google.protobuf.Timestamp", "accreditation.enrolment.v1.EqualityMonitoring", "accreditation.enrolment.v1.Enrolment", "accreditation.reporting.v1.RegisterEntry", "accreditation.reporting.v1.RegistrationStatus", "accreditation.common.v1.LocalAuthorityRef"];

    [Fact]
    public void EveryEvaluationMessage_WalkedRecursively_NoSingleCandidateField()
    {
        var fields = ReachableFields().ToList();

        Assert.NotEmpty(fields);
        foreach (var (path, field) in fields)
        {
            Assert.False(field.Name.Split('_').Any(w => ForbiddenFieldWords.Contains(w)), $"{path} could carry one candidate's data");
            var type = field.FieldType switch
            {
                FieldType.Message => field.MessageType.FullName,
                FieldType.Enum => field.EnumType.FullName,
                _ => "",
            };
            Assert.DoesNotContain(type, ForbiddenTypes);
        }
    }

    [Fact]
    public void EveryEvaluationMessage_Walked_CoversEveryRpcBothWays()
    {
        var types = EvaluationService.Descriptor.Methods.SelectMany(m => new[] { m.InputType.Name, m.OutputType.Name }).ToHashSet();

        Assert.Equal(["GetStageFiguresRequest", "GetStageFiguresResponse", "GetGroupGapsRequest", "GetGroupGapsResponse"], types);
        Assert.Contains(ReachableFields(), f => f.Path.EndsWith("measures.gap_lower", StringComparison.Ordinal));
    }

    [Fact]
    public void Walk_RegulatorsEntry_Found()
    {
        var planted = Walk(RegisterEntry.Descriptor, "RegisterEntry", []).ToList();

        Assert.Contains(planted, f => f.Field.Name.Split('_').Any(w => ForbiddenFieldWords.Contains(w)));
    }

    private static IEnumerable<(string Path, FieldDescriptor Field)> ReachableFields() =>
        EvaluationService.Descriptor.Methods.SelectMany(m => Walk(m.InputType, m.Name + "(in)", []).Concat(Walk(m.OutputType, m.Name, [])));

    private static IEnumerable<(string Path, FieldDescriptor Field)> Walk(MessageDescriptor message, string path, HashSet<string> seen)
    {
        if (!seen.Add(message.FullName))
        {
            yield break;
        }

        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var fieldPath = path + "." + field.Name;
            yield return (fieldPath, field);
            if (field.FieldType == FieldType.Message)
            {
                foreach (var nested in Walk(field.MessageType, fieldPath, seen))
                {
                    yield return nested;
                }
            }
        }
    }
}
