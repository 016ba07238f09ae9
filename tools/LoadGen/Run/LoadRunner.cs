using Accreditation.LoadGen.Clients;
using Accreditation.LoadGen.Data;
using Accreditation.LoadGen.Echo;
using Accreditation.LoadGen.Lag;
using Accreditation.LoadGen.Measurement;
using Accreditation.LoadGen.Paths;
using Accreditation.LoadGen.Report;
using Spectre.Console;

namespace Accreditation.LoadGen.Run;

/// <summary>
/// One run: every asked path in turn with the same channels, tokens and load shape (echo first, so
/// every other path has its ratio to echo), then lag under half the enrol rate measured; the table,
/// and the JSON when asked.
/// </summary>
public sealed class LoadRunner(RunSettings settings, IAnsiConsole console)
{
    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        using var echo = settings.StartEcho ? await EchoChild.StartAsync(TimeSpan.FromSeconds(30), cancellationToken) : null;
        var targets = echo is null ? settings.Targets : settings.Targets with { EchoUrl = echo.Url };
        var processes = new Dictionary<string, int>(settings.Pids, StringComparer.Ordinal) { [CpuSampler.Self] = Environment.ProcessId };
        if (echo is not null)
        {
            processes.TryAdd("echo", echo.ProcessId);
        }

        var cpu = new CpuSampler(processes);
        using var channels = new ChannelSet(settings.Shape.Connections);
        var context = new PathContext(
            targets,
            channels,
            new CallerTokens(settings.SigningKey),
            new EnrolmentPool(),
            new RegistrationNumbers(Random.Shared),
            settings.Shape,
            settings.SeedEnrolments,
            settings.CheckBatch,
            settings.ListPageSize);
        var loop = new ClosedLoop(settings.Shape, cpu);
        var measured = new List<(PathMeasurement Measurement, string Unit)>();
        LagReport? lag = null;
        foreach (var name in settings.Paths)
        {
            if (name == PathNames.Lag)
            {
                var enrolRps = measured.FirstOrDefault(m => m.Measurement.Name == PathNames.Enrol).Measurement?.RequestsPerSecond;
                var rate = settings.LagLoadRate ?? (enrolRps is { } r ? r / 2 : 0);
                console.MarkupLine($"[grey]lag: candidates at {settings.LagCandidateRate}/s under {rate:0.0} enrols/s for {settings.Shape.Window.TotalSeconds}s[/]");
                lag = await new LagDriver(context, settings, rate).MeasureAsync(cancellationToken);
                continue;
            }

            var path = Create(name, context);
            console.MarkupLine($"[grey]{name}: preparing[/]");
            await path.PrepareAsync(cancellationToken);
            console.MarkupLine($"[grey]{name}: {settings.Shape.Warmup.TotalSeconds}s warm-up, {settings.Shape.Window.TotalSeconds}s window[/]");
            var measurement = await loop.RunAsync(name, path.CallAsync, cancellationToken);
            measured.Add((measurement, UnitOf(name)));
        }

        var echoRps = measured.FirstOrDefault(m => m.Measurement.Name == PathNames.Echo).Measurement?.RequestsPerSecond;
        var paths = measured.ToDictionary(m => m.Measurement.Name, m => PathReports.From(m.Measurement, m.Unit, echoRps), StringComparer.Ordinal);
        var report = new LoadReport(
            "accredit-load",
            startedAt,
            MachineReport.Current(),
            new SettingsReport(
                settings.Shape.Connections,
                settings.Shape.Concurrency,
                settings.Shape.Warmup.TotalSeconds,
                settings.Shape.Window.TotalSeconds,
                settings.Paths,
                new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["echo"] = targets.EchoUrl,
                    ["enrolment"] = targets.EnrolmentUrl,
                    ["testing"] = targets.TestingUrl,
                    ["observation"] = targets.ObservationUrl,
                    ["reporting"] = targets.ReportingUrl,
                },
                settings.SeedEnrolments,
                settings.CheckBatch,
                settings.ListPageSize),
            processes,
            paths,
            lag);
        ReportTable.Write(console, report);
        if (settings.JsonPath is { } json)
        {
            await ReportJson.WriteAsync(report, json, cancellationToken);
            console.MarkupLine($"[grey]wrote {Markup.Escape(json)}[/]");
        }

        return report;
    }

    private static ILoadPath Create(string name, PathContext context) => name switch
    {
        PathNames.Echo => new EchoPath(context),
        PathNames.Enrol => new EnrolPath(context),
        PathNames.Get => new GetPath(context),
        PathNames.List => new ListPath(context),
        PathNames.Status => new StatusPath(context),
        PathNames.Check => new CheckPath(context),
        PathNames.Export => new ExportPath(context),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a path"),
    };

    private static string UnitOf(string name) => name switch
    {
        PathNames.Export => "records",
        PathNames.Check => "numbers",
        PathNames.List => "enrolments",
        _ => "requests",
    };
}
