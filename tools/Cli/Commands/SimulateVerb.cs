using System.CommandLine;
using Accreditation.Cli.Simulation;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.Contracts.Observation.V1;
using Grpc.Core;

namespace Accreditation.Cli.Commands;

/// <summary>simulate: N candidates of the phase's authorities through every step, then a summary and consistency checks (enrolment listings, simulated-practice sessions, the regulator's register), then the phase's evaluation as Reporting publishes it.</summary>
internal static class SimulateVerb
{
    public static Command Create(VerbContext context)
    {
        var phase = new Option<string>("--phase")
        {
            Description = "Phase whose authorities the candidates belong to; phase-1 knows its five, any other needs --authorities",
            HelpName = "phase",
            DefaultValueFactory = _ => "phase-1",
        };
        var candidates = CommonOptions.Number("--candidates", "Candidates to simulate", 50, 1, 100_000);
        var concurrency = CommonOptions.Number("--concurrency", "Candidates in flight at once", 16, 1, 1_000);
        var seed = CommonOptions.Number("--seed", "Seed of the random choices, to repeat a run [default: the clock]", null, int.MinValue);
        var authorities = new Option<string>("--authorities") { Description = "Comma-separated GSS codes to spread candidates over [default: the phase's]", HelpName = "gss,gss" };
        var maxSittings = CommonOptions.Number("--max-sittings", "Sittings a candidate makes at most (first attempt and resits)", 3, 1, 20);
        var withdrawalShare = CommonOptions.Fraction("--withdrawal-share", "Share of candidates who withdraw after endorsement, from 0 to 1", 0.05);
        var maxSessions = CommonOptions.Number("--max-sessions", "Simulated-practice sessions a candidate attends at most (first attempt and resits)", 3, 1, 20);
        var enrolmentOnly = new Option<bool>("--enrolment-only") { Description = "Stop after enrolment, endorsement and withdrawal: no knowledge test, no simulated practice (Testing and Observation not needed)" };
        var skipObservation = new Option<bool>("--skip-observation") { Description = "Stop after the knowledge test: no simulated practice (Observation not needed)" };
        var skipRegisterCheck = new Option<bool>("--skip-register-check")
        {
            Description = "Do not end by checking the regulator's register against the run (RegulatorReporting not needed, with --skip-evaluation too); --enrolment-only and --skip-observation skip it too, as they accredit nobody",
        };
        var skipEvaluation = new Option<bool>("--skip-evaluation")
        {
            Description = "Do not end with the phase's evaluation summary (all-authorities figures per role and flagged group gaps); --enrolment-only and --skip-observation skip it too",
        };
        var command = new Command("simulate", "Drive candidates through enrolment, endorsement, withdrawal, the knowledge test and simulated practice concurrently; print a summary per authority and stage, check it against the services and the regulator's register, and end with the phase's evaluation (all-authorities figures per role, flagged group gaps)")
        {
            phase, candidates, concurrency, seed, authorities, maxSittings, maxSessions, withdrawalShare, enrolmentOnly, skipObservation, skipRegisterCheck, skipEvaluation,
        };
        command.Validators.Add(result =>
        {
            // An option left out has no value yet while commands are validated: its default is the phase's.
            var name = result.GetValue(phase) ?? PhaseAuthorities.Phase1Name;
            if (name != PhaseAuthorities.Phase1Name && string.IsNullOrWhiteSpace(result.GetValue(authorities)))
            {
                result.AddError($"--authorities (comma-separated GSS codes) is required for {name}");
            }
        });
        command.SetAction(async (result, ct) =>
        {
            var name = result.GetRequiredValue(phase);
            var options = new SimulationOptions(
                name,
                PhaseAuthorities.For(name, result.GetValue(authorities)),
                result.GetValue(candidates),
                result.GetValue(concurrency),
                result.GetResult(seed) is null ? Environment.TickCount : result.GetValue(seed),
                result.GetValue(withdrawalShare))
            {
                KnowledgeTest = !result.GetValue(enrolmentOnly),
                Observation = !result.GetValue(skipObservation),
                RegisterCheck = !result.GetValue(skipRegisterCheck),
                Evaluation = !result.GetValue(skipEvaluation),
                MaxSittings = result.GetValue(maxSittings),
                MaxSessions = result.GetValue(maxSessions),
            };
            using var endpoints = context.Connect(result);
            if (endpoints.HasGivenToken && options.RunsPractice)
            {
                throw new UsageException("simulated practice acts as many assessors, each with a development token of its own subject; with --token (ACCREDIT_TOKEN) add --skip-observation");
            }

            return await RunAsync(context, endpoints, options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, Endpoints endpoints, SimulationOptions options, CancellationToken ct)
    {
        var output = context.Output;
        List<string> services = ["enrolment " + endpoints.EnrolmentUrl];
        if (options.KnowledgeTest)
        {
            services.Add("testing " + endpoints.TestingUrl);
        }

        if (options.RunsPractice)
        {
            services.Add("observation " + endpoints.ObservationUrl);
        }

        if (options.RunsRegisterCheck || options.RunsEvaluation)
        {
            services.Add("reporting " + endpoints.ReportingUrl);
        }

        var against = services.Count == 1 ? services[0] : string.Join(", ", services.SkipLast(1)) + " and " + services[^1];
        await output.WriteLineAsync($"simulating {options.Candidates} candidates of {options.Phase} ({options.Authorities.Count} authorities) against {against}, seed {options.Seed}");
        var simulator = new Simulator(endpoints, options);
        await new SimulationProgress(context.ErrorConsole(), options.Candidates).RunAsync(report => simulator.RunAsync(report, ct));

        SimulationSummary.Write(context.OutputConsole(), simulator.Stats, options.Authorities, options.Stages);
        var mismatches = await CheckListingsAsync(endpoints, options.Authorities, simulator.Stats, output, ct);
        if (options.RunsPractice)
        {
            mismatches += await CheckPracticeAsync(endpoints, options, simulator.Stats, output, ct);
        }

        if (options.RunsRegisterCheck)
        {
            mismatches += await CheckRegisterAsync(endpoints, options, simulator.Stats, output, ct);
        }

        if (options.RunsEvaluation)
        {
            await WriteEvaluationAsync(context, endpoints, options, ct);
        }

        return simulator.Stats.ErrorCount == 0 && mismatches == 0 ? 0 : 1;
    }

    /// <summary>
    /// The regulator's register must show exactly the run's accreditations (<see cref="RegisterCheck"/>),
    /// once Reporting has caught up: it is asked again until it matches or the patience runs out.
    /// </summary>
    private static async Task<int> CheckRegisterAsync(Endpoints endpoints, SimulationOptions options, SimulationStats stats, TextWriter output, CancellationToken ct)
    {
        var candidates = stats.Candidates;
        IReadOnlyList<string> problems;
        try
        {
            problems = await new RegisterWait(endpoints.Regulator(), options.RegisterPatience, TimeSpan.FromMilliseconds(500)).UntilMatchedAsync(candidates, ct);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Unimplemented)
        {
            throw new RpcException(new Status(e.StatusCode, $"{e.Status.Detail} (Reporting at {endpoints.ReportingUrl}; --skip-register-check simulates without the register check)"));
        }

        foreach (var problem in problems)
        {
            await output.WriteLineAsync("check failed for " + problem);
        }

        await output.WriteLineAsync(problems.Count == 0
            ? $"check: the regulator's register matches the simulation ({RegisterCheck.ExpectedCount(candidates)} accredited)"
            : $"check: {problems.Count} differences between the regulator's register and the simulation after waiting {options.RegisterPatience.TotalSeconds:0} s");
        return problems.Count;
    }

    /// <summary>The phase's evaluation as Reporting publishes it (<see cref="EvaluationSummary"/>); it never fails the run, only an unreachable Reporting does.</summary>
    private static async Task WriteEvaluationAsync(VerbContext context, Endpoints endpoints, SimulationOptions options, CancellationToken ct)
    {
        try
        {
            await EvaluationSummary.WriteAsync(endpoints.Evaluation(), options.Phase, context.OutputConsole(), ct);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.Unimplemented)
        {
            throw new RpcException(new Status(e.StatusCode, $"{e.Status.Detail} (Reporting at {endpoints.ReportingUrl}; --skip-evaluation simulates without the evaluation summary)"));
        }
    }

    /// <summary>Observation's own view of every session the simulation scheduled must show what the simulation counted.</summary>
    private static async Task<int> CheckPracticeAsync(Endpoints endpoints, SimulationOptions options, SimulationStats stats, TextWriter output, CancellationToken ct)
    {
        var scheduled = stats.Sessions;
        var seen = new Session[scheduled.Count];
        var scheduling = endpoints.Scheduling();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scheduled.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct },
            async (i, token) => seen[i] = (await scheduling.GetSessionAsync(new GetSessionRequest { SessionId = scheduled[i].SessionId }, cancellationToken: token)).Session);
        var problems = PracticeCheck.Compare(options.Authorities, stats, [.. scheduled.Zip(seen)]);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync("check failed for " + problem);
        }

        await output.WriteLineAsync(problems.Count == 0
            ? $"check: Observation's {scheduled.Count} sessions match the simulated practice"
            : $"check: {problems.Count} simulated-practice mismatches");
        return problems.Count;
    }

    /// <summary>Each authority's own listing must show what the simulation did there.</summary>
    private static async Task<int> CheckListingsAsync(Endpoints endpoints, IReadOnlyList<string> authorities, SimulationStats stats, TextWriter output, CancellationToken ct)
    {
        var mismatches = 0;
        foreach (var authority in authorities)
        {
            var client = endpoints.Enrolment(authority);
            var withdrawn = await CountAsync(client, EnrolmentState.Withdrawn, ct);
            var endorsed = await CountAsync(client, EnrolmentState.Endorsed, ct);
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

    private static async Task<int> CountAsync(EnrolmentService.EnrolmentServiceClient client, EnrolmentState state, CancellationToken ct)
    {
        var request = new ListEnrolmentsRequest { State = state, Page = new() { PageSize = 500 } };
        var count = 0;
        do
        {
            var page = await client.ListEnrolmentsAsync(request, cancellationToken: ct);
            count += page.Enrolments.Count;
            request.Page.PageToken = page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        return count;
    }
}
