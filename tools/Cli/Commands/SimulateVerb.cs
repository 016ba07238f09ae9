using System.Globalization;
using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Enrolment.V1;

namespace Accreditation.Cli.Commands;

/// <summary>simulate: N candidates of the phase's authorities through every step, then a summary and a consistency check.</summary>
internal static class SimulateVerb
{
    public static async Task<int> RunAsync(CliArguments args, Endpoints endpoints, TextWriter output, TextWriter progress)
    {
        var phase = args.OrDefault("phase", "phase-1");
        var candidates = args.Number("candidates", 50);
        if (candidates is < 1 or > 100_000)
        {
            throw new UsageException("--candidates must be between 1 and 100000");
        }

        var options = new SimulationOptions(
            phase,
            PhaseAuthorities.For(phase, args.Optional("authorities")),
            candidates,
            Math.Max(1, args.Number("concurrency", 16)),
            args.Number("seed", Environment.TickCount),
            args.Fraction("withdrawal-share", 0.05))
        {
            KnowledgeTest = !args.Flag("enrolment-only"),
            MaxSittings = Math.Max(1, args.Number("max-sittings", 3)),
        };
        await output.WriteLineAsync($"simulating {candidates} candidates of {phase} ({options.Authorities.Count} authorities) against {endpoints.EnrolmentUrl}{(options.KnowledgeTest ? " and " + endpoints.TestingUrl : "")}, seed {options.Seed}");
        var simulator = new Simulator(endpoints, options);
        var bar = new ProgressBar(progress, candidates, !Console.IsErrorRedirected);
        var gate = new Lock();
        await simulator.RunAsync(stats =>
        {
            lock (gate)
            {
                bar.Show(stats.Finished, stats.ErrorCount);
            }
        }, CancellationToken.None);

        await output.WriteAsync(simulator.Stats.Summary(options.Authorities));
        var mismatches = await CheckListingsAsync(endpoints, options.Authorities, simulator.Stats, output);
        return simulator.Stats.ErrorCount == 0 && mismatches == 0 ? 0 : 1;
    }

    /// <summary>Each authority's own listing must show what the simulation did there.</summary>
    private static async Task<int> CheckListingsAsync(Endpoints endpoints, IReadOnlyList<string> authorities, SimulationStats stats, TextWriter output)
    {
        var mismatches = 0;
        foreach (var authority in authorities)
        {
            var client = endpoints.Enrolment(authority);
            var withdrawn = await CountAsync(client, EnrolmentState.Withdrawn);
            var endorsed = await CountAsync(client, EnrolmentState.Endorsed);
            var expectedWithdrawn = stats.Count(authority, Stage.Withdrawn);
            var expectedEndorsed = stats.Count(authority, Stage.Endorsed) - expectedWithdrawn;
            if (withdrawn < expectedWithdrawn || endorsed < expectedEndorsed)
            {
                mismatches++;
                await output.WriteLineAsync($"check failed for {authority}: listing shows {endorsed} endorsed and {withdrawn} withdrawn, expected at least {expectedEndorsed} and {expectedWithdrawn}");
            }
        }

        await output.WriteLineAsync(mismatches == 0 ? "check: every authority's listing matches the simulation" : $"check: {mismatches} authorities do not match");
        return mismatches;
    }

    private static async Task<int> CountAsync(EnrolmentService.EnrolmentServiceClient client, EnrolmentState state)
    {
        var request = new ListEnrolmentsRequest { State = state, Page = new() { PageSize = 500 } };
        var count = 0;
        do
        {
            var page = await client.ListEnrolmentsAsync(request);
            count += page.Enrolments.Count;
            request.Page.PageToken = page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        return count;
    }
}
