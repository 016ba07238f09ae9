using System.Text.RegularExpressions;
using Accreditation.Cli.Output;
using Accreditation.Cli.Simulation;
using Accreditation.Cli.Tests.Support;
using Accreditation.Contracts.Common.V1;
using Accreditation.Contracts.Reporting.V1;
using Grpc.Core;
using static Accreditation.Cli.Tests.Support.EvaluationFigures;

namespace Accreditation.Cli.Tests.Simulation;

/// <summary>The end of simulate: the phase's all-authorities figures per role and every flagged group gap, whatever is suppressed.</summary>
public sealed partial class EvaluationSummaryTests
{
    private const string Service = "/accreditation.reporting.v1.EvaluationService/";

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Columns();

    /// <summary>The output's lines, trimmed, with columns two spaces apart.</summary>
    private static List<string> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Columns().Replace(l.Trim(), "  "))];

    private static Endpoints Connect(FakeGrpcHandler services) => new(
        new EndpointSettings(GlobalOptions.DefaultEnrolmentUrl, GlobalOptions.DefaultTestingUrl, GlobalOptions.DefaultObservationUrl, Endpoints.DevelopmentSigningKey, null),
        services.Factory);

    private static GetStageFiguresResponse Figures(params StageFigures[] rows)
    {
        var response = new GetStageFiguresResponse();
        response.Rows.AddRange(rows);
        return response;
    }

    /// <summary>Flags the Female group's gaps on sex for practitioners; every other table has nothing flagged (and its small groups suppressed).</summary>
    private static FakeGrpcHandler Reporting(GetStageFiguresResponse stages) => new()
    {
        RespondTo = (path, message) =>
        {
            if (path == Service + "GetStageFigures")
            {
                return stages;
            }

            var request = GetGroupGapsRequest.Parser.ParseFrom(message);
            var flagged = request.Role == Role.ChildAndFamilyPractitioner && request.Dimension == EqualityDimension.Sex;
            return Gaps(
                request.Phase,
                request.Role,
                request.Dimension,
                Group("G1", "Female", N("30"), Measure(N("50.0"), N("33.2"), N("66.8"), N("-20.0"), N("-38.5"), N("-1.2"), flagged)),
                Group("G2", "Male", C, Suppressed),
                Group("ALL", "All", N("34"), Measure(N("55.9"), N("39.5"), N("71.1"), Z, Z, Z), all: true));
        },
    };

    private static async Task<(int Flagged, string Output)> WriteAsync(FakeGrpcHandler services, string phase = "phase-1")
    {
        using var endpoints = Connect(services);
        using var writer = new StringWriter();
        var flagged = await EvaluationSummary.WriteAsync(endpoints.Evaluation(), phase, CliConsole.Create(writer, terminal: false), CancellationToken.None);
        return (flagged, writer.ToString());
    }

    [Fact]
    public async Task WriteAsync_BothRoles_AllAuthoritiesRowsOnlyAndEveryQuestionAskedPerRole()
    {
        var services = Reporting(Figures(
            Stages("phase-1", Role.ChildAndFamilyPractitioner, "E08000002", N("20"), N("50.0"), C),
            Stages("phase-1", Role.ChildAndFamilyPractitioner, null, N("34"), N("55.9"), N("41")),
            Stages("phase-1", Role.PracticeSupervisor, null, N("16"), N("62.5"), N("44"))));

        var (flagged, output) = await WriteAsync(services);

        Assert.Equal(new GetStageFiguresRequest { Phase = "phase-1" }, Assert.Single(services.Sent<GetStageFiguresRequest>("GetStageFigures")));
        Assert.Equal(
            [.. new[] { Role.ChildAndFamilyPractitioner, Role.PracticeSupervisor }.SelectMany(r => EvaluationSummary.Dimensions.Select(d => (r, d)))],
            services.Sent<GetGroupGapsRequest>("GetGroupGaps").Select(r => (r.Role, r.Dimension)));
        Assert.All(services.Sent<GetGroupGapsRequest>("GetGroupGaps"), r => Assert.Equal("phase-1", r.Phase));
        Assert.DoesNotContain("E08000002", output, StringComparison.Ordinal);
        var lines = Lines(output);
        Assert.StartsWith("evaluation of phase-1, all authorities", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("phase-1  practitioner  all  34", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("phase-1  supervisor  all  16", lines[3], StringComparison.Ordinal);
        Assert.Equal(3, flagged);
        Assert.Equal(
            [
                "flagged: phase-1 practitioner sex Female knowledge-test rate 50.0 (33.2 to 66.8) gap -20.0 (-38.5 to -1.2)",
                "flagged: phase-1 practitioner sex Female simulated-practice rate 50.0 (33.2 to 66.8) gap -20.0 (-38.5 to -1.2)",
                "flagged: phase-1 practitioner sex Female accreditation rate 50.0 (33.2 to 66.8) gap -20.0 (-38.5 to -1.2)",
                "evaluation: 3 group gaps flagged (their 95% intervals exclude zero)",
            ],
            lines[4..]);
    }

    [Fact]
    public async Task WriteAsync_EverythingSuppressed_PrintedAsCWithNothingFlagged()
    {
        var services = Reporting(Figures(Stages("phase-1", Role.PracticeSupervisor, null, C, Z, C)));

        var (flagged, output) = await WriteAsync(services);

        Assert.Equal(0, flagged);
        var lines = Lines(output);
        Assert.Equal("phase-1  supervisor  all  c  c  c  c  c  c  c  c  z  z  z  c", lines[2]);
        Assert.Equal("evaluation: no group gap flagged (age, ethnic group, sex, disability)", lines[^1]);
    }

    [Fact]
    public async Task WriteAsync_NoFiguresYet_SaysSoWithoutAskingForGroups()
    {
        var services = Reporting(new GetStageFiguresResponse());

        var (flagged, output) = await WriteAsync(services, "phase-2");

        Assert.Equal(0, flagged);
        Assert.Equal("evaluation: Reporting has no figures for phase-2 yet", output.Trim());
        Assert.Empty(services.Sent<GetGroupGapsRequest>("GetGroupGaps"));
    }

    [Fact]
    public async Task WriteAsync_AsTheEvaluationSubject()
    {
        var services = Reporting(Figures(Stages("phase-1", Role.PracticeSupervisor, null, C, Z, C)));

        await WriteAsync(services);

        Assert.All(services.BearerTokens, t => Assert.Equal(("evaluation", Subjects.Evaluation), (Jwt.Payload(t!).GetProperty("scope").GetString(), Jwt.Payload(t!).GetProperty("sub").GetString())));
    }

    [Fact]
    public async Task WriteAsync_GroupsRefused_TheStatusPropagates()
    {
        var services = new FakeGrpcHandler
        {
            RespondTo = (path, _) => path == Service + "GetStageFigures"
                ? Figures(Stages("phase-1", Role.PracticeSupervisor, null, C, Z, C))
                : throw new RpcException(new Status(StatusCode.Unimplemented, "no groups")),
        };

        var e = await Assert.ThrowsAsync<RpcException>(() => WriteAsync(services));

        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
    }
}
