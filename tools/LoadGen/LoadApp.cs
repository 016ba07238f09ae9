using System.CommandLine;
using System.Globalization;
using System.CommandLine.Invocation;
using Accreditation.Cli;
using Accreditation.LoadGen.Echo;
using Accreditation.LoadGen.Measurement;
using Accreditation.LoadGen.Paths;
using Accreditation.LoadGen.Run;
using Grpc.Core;
using Spectre.Console;

namespace Accreditation.LoadGen;

/// <summary>
/// accredit-load: echo-server (the baseline, its own process) and run (measure the paths). Exit
/// codes: 0 done; 1 a path could not run or measured no successful request; 2 the command line was wrong.
/// </summary>
public static class LoadApp
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = Build(output).Parse(args);
        if (result.Action is ParseErrorAction)
        {
            await result.InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
            return UsageError;
        }

        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (RpcException e)
        {
            await error.WriteLineAsync($"accredit-load: {e.StatusCode}: {e.Status.Detail}");
            return Failed;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            await error.WriteLineAsync($"accredit-load: {e.Message}" + (e.InnerException is { } inner ? $" ({inner.Message})" : ""));
            return Failed;
        }
    }

    public static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand("accredit-load: measures the platform's gRPC paths against a bare gRPC echo in the same run") { HelpName = "accredit-load" };
        root.Add(EchoServerCommand(output));
        root.Add(RunCommand(output));
        return root;
    }

    private static Command EchoServerCommand(TextWriter output)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (h2c); 0 for any free port, printed once listening", DefaultValueFactory = _ => 5090 };
        var command = new Command("echo-server", "A bare ASP.NET Core gRPC echo service (the baseline); prints 'echo listening on <url>' and runs until stopped") { port };
        command.SetAction(async (result, ct) =>
        {
            await using var server = await EchoServer.StartAsync(result.GetValue(port), ct);
            await output.WriteLineAsync(EchoServer.ListeningPrefix + server.Url);
            await output.FlushAsync(ct);
            try
            {
                await server.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop.
            }

            return Succeeded;
        });
        return command;
    }

    private static Command RunCommand(TextWriter output)
    {
        var enrolmentUrl = Url("--enrolment-url", "Enrolment gRPC address", GlobalOptions.DefaultEnrolmentUrl);
        var testingUrl = Url("--testing-url", "Testing gRPC address (lag)", GlobalOptions.DefaultTestingUrl);
        var observationUrl = Url("--observation-url", "Observation gRPC address (lag)", GlobalOptions.DefaultObservationUrl);
        var reportingUrl = Url("--reporting-url", "RegulatorReporting gRPC address (status, check, export, lag)", GlobalOptions.DefaultReportingUrl);
        var echoUrl = new Option<string>("--echo-url") { Description = "Address of a running echo-server (the echo path)", HelpName = "url" };
        var startEcho = new Option<bool>("--start-echo") { Description = "Start the echo server as a child process for the run (instead of --echo-url); its CPU is reported as 'echo'" };
        var connections = Number("--connections", "gRPC channels per service, each one HTTP/2 connection", 4, 1, 1024);
        var concurrency = Number("--concurrency", "Callers in a closed loop per path", 32, 1, 100_000);
        var warmup = Duration("--warmup", "Warm-up per path, not counted (3s, 500ms, 0.2s)", TimeSpan.FromSeconds(3));
        var window = Duration("--window", "Measured window per path", TimeSpan.FromSeconds(10));
        var paths = new Option<string>("--paths")
        {
            Description = $"Comma list of paths to measure, in this order whatever the list's: {string.Join(',', PathNames.All)}",
            HelpName = "path,path",
            DefaultValueFactory = _ => string.Join(',', PathNames.All),
        };
        paths.Validators.Add(r =>
        {
            var known = PathNames.Parse(r.GetValueOrDefault<string>() ?? "", out var unknown);
            if (unknown.Count > 0)
            {
                r.AddError($"unknown path {string.Join(", ", unknown)}; the paths are {string.Join(',', PathNames.All)}");
            }
            else if (known.Count == 0)
            {
                r.AddError("--paths names no path");
            }
        });
        var json = new Option<string>("--json") { Description = "Write the results as JSON to this file", HelpName = "file" };
        var signingKey = new Option<string>("--signing-key")
        {
            Description = $"Key that signs the development tokens, as accredit's [env: {GlobalOptions.SigningKeyVariable}; default: the services' development key]",
            HelpName = "key",
        };
        var pids = new Option<string>("--pids") { Description = "Processes whose CPU to report, name=pid,... (read from /proc/<pid>/stat over each window); this process is always 'loadgen'", HelpName = "name=pid,..." };
        pids.Validators.Add(r =>
        {
            if (!ProcessList.TryParse(r.GetValueOrDefault<string>() ?? "", out _, out var error))
            {
                r.AddError(error);
            }
        });
        var seed = Number("--seed-enrolments", "Enrolments the read paths need at least (enrolled first when the run has fewer)", 300, 1, 1_000_000);
        var checkBatch = Number("--check-batch", "Registration numbers per bulk check (at most 100)", 100, 1, 100);
        var listPage = Number("--list-page", "Page size of list", 50, 1, 500);
        var lagRate = new Option<double>("--lag-rate") { Description = "Candidates per second driven to accreditation while lag is measured", DefaultValueFactory = _ => 2, HelpName = "per-second" };
        lagRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() <= 0)
            {
                r.AddError("--lag-rate must be above 0");
            }
        });
        var lagLoad = new Option<double?>("--lag-load") { Description = "Enrols per second of steady load during lag [default: half the enrol rate this run measured; 0 without enrol]", HelpName = "per-second" };
        var lagPatience = Duration("--lag-patience", "How long lag waits after the last candidate started for journeys and the feed", TimeSpan.FromSeconds(120));
        var command = new Command("run", "Measure the paths: closed-loop callers over the channels, warm-up then window per path; prints a table and writes JSON")
        {
            enrolmentUrl, testingUrl, observationUrl, reportingUrl, echoUrl, startEcho, connections, concurrency, warmup, window, paths, json,
            signingKey, pids, seed, checkBatch, listPage, lagRate, lagLoad, lagPatience,
        };
        command.Validators.Add(r =>
        {
            var asked = PathNames.Parse(r.GetValue(paths) ?? string.Join(',', PathNames.All), out _);
            if (asked.Contains(PathNames.Echo) && !r.GetValue(startEcho) && string.IsNullOrWhiteSpace(r.GetValue(echoUrl)))
            {
                r.AddError("the echo path needs --echo-url or --start-echo (or leave echo out of --paths)");
            }

            if (r.GetValue(startEcho) && !string.IsNullOrWhiteSpace(r.GetValue(echoUrl)))
            {
                r.AddError("--start-echo and --echo-url exclude each other");
            }

        });
        command.SetAction(async (result, ct) =>
        {
            if (!ProcessList.TryParse(result.GetValue(pids) ?? "", out var processes, out var pidsError))
            {
                throw new InvalidOperationException(pidsError);
            }

            var key = result.GetValue(signingKey) ?? Environment.GetEnvironmentVariable(GlobalOptions.SigningKeyVariable) ?? Endpoints.DevelopmentSigningKey;
            var settings = new RunSettings(
                new Targets(
                    result.GetRequiredValue(enrolmentUrl),
                    result.GetRequiredValue(testingUrl),
                    result.GetRequiredValue(observationUrl),
                    result.GetRequiredValue(reportingUrl),
                    result.GetValue(echoUrl)),
                result.GetValue(startEcho),
                new LoadShape(result.GetValue(connections), result.GetValue(concurrency), result.GetValue(warmup) ?? TimeSpan.FromSeconds(3), result.GetValue(window) ?? TimeSpan.FromSeconds(10)),
                PathNames.Parse(result.GetRequiredValue(paths), out _),
                result.GetValue(json),
                key,
                processes)
            {
                SeedEnrolments = result.GetValue(seed),
                CheckBatch = result.GetValue(checkBatch),
                ListPageSize = result.GetValue(listPage),
                LagCandidateRate = result.GetValue(lagRate),
                LagLoadRate = result.GetValue(lagLoad),
                LagPatience = result.GetValue(lagPatience) ?? TimeSpan.FromSeconds(120),
            };
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            if (Console.IsOutputRedirected || output != Console.Out)
            {
                console.Profile.Width = Math.Max(console.Profile.Width, 160);
            }

            var report = await new LoadRunner(settings, console).RunAsync(ct);
            return report.Paths.Values.Any(p => p.Requests == 0) ? Failed : Succeeded;
        });
        return command;
    }

    private static Option<string> Url(string name, string description, string fallback)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "url", DefaultValueFactory = _ => fallback };
        option.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValueOrDefault<string>(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                r.AddError($"{name} must be an http:// or https:// address");
            }
        });
        return option;
    }

    private static Option<int> Number(string name, string description, int fallback, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "n", DefaultValueFactory = _ => fallback };
        option.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                r.AddError($"{name} must be from {min} to {max}");
            }
        });
        return option;
    }

    /// <summary>A duration option; left out, its value is null and the action takes <paramref name="fallback"/> (the help shows it as 3s, not 00:00:03).</summary>
    private static Option<TimeSpan?> Duration(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{description} [default: {fallback.TotalSeconds}s]"),
        HelpName = "duration",
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (Durations.TryParse(text, out var value))
            {
                return value;
            }

            r.AddError($"{name} takes a duration such as 3s, 500ms or 0.2s, not '{text}'");
            return null;
        },
    };
}
