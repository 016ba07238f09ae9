using Accreditation.Contracts.Reporting.V1;
using Google.Protobuf.Reflection;

namespace Accreditation.RegulatorReporting.Tests.Api;

/// <summary>
/// The regulator sees status and dates only: every message a regulator RPC can return, walked
/// through all its fields recursively, has no field or type that could carry a score, an attempt,
/// an outcome of a component, a failure, equality data, an HR reference or personal details.
/// </summary>
public sealed class DataMinimisationTests
{
    private static readonly string[] ForbiddenFieldWords =
        ["score", "attempt", "outcome", "fail", "pass", "equality", "age", "ethnic", "sex", "disability", "hr", "reference", "reason", "withdraw", "name_given", "given", "family", "email", "sitting", "session", "consent", "enrolment"];

    private static readonly string[] ForbiddenTypes =
        ["accreditation.common.v1.AssessmentOutcome", "accreditation.enrolment.v1.EqualityMonitoring", "accreditation.enrolment.v1.Enrolment"];

    [Fact]
    public void EveryRegulatorResponse_WalkedRecursively_NoForbiddenField()
    {
        var fields = ReachableFields().ToList();

        Assert.NotEmpty(fields);
        foreach (var (path, field) in fields)
        {
            var words = field.Name.Split('_');
            Assert.False(words.Any(w => ForbiddenFieldWords.Contains(w)), $"{path} could carry data the regulator must not see");
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
    public void EveryRegulatorResponse_Walked_CoversEveryRpc()
    {
        var outputs = RegulatorService.Descriptor.Methods.Select(m => m.OutputType.Name).ToHashSet();

        Assert.Equal(["GetAccreditationStatusResponse", "CheckAccreditationStatusesResponse", "ListRegisterEntriesResponse", "StreamRegisterChangesResponse", "ExportRegisterResponse"], outputs);
        Assert.Contains(ReachableFields(), f => f.Path.EndsWith("accredited_at", StringComparison.Ordinal));
    }

    [Fact]
    public void Walk_PlantedForbiddenField_Found()
    {
        // The walk reaches into nested messages: the knowledge-test event (which the regulator never gets) fails it.
        var planted = Walk(Contracts.Events.V1.KnowledgeTestCompleted.Descriptor, "KnowledgeTestCompleted", []).ToList();

        Assert.Contains(planted, f => f.Field.Name.Split('_').Any(w => ForbiddenFieldWords.Contains(w)));
    }

    private static IEnumerable<(string Path, FieldDescriptor Field)> ReachableFields() =>
        RegulatorService.Descriptor.Methods.SelectMany(m => Walk(m.OutputType, m.Name, []));

    private static IEnumerable<(string Path, FieldDescriptor Field)> Walk(MessageDescriptor message, string path, HashSet<string> seen)
    {
        if (!seen.Add(message.FullName) || message.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
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
