using System.Diagnostics;

namespace Accreditation.Deployment.Tests.Support;

/// <summary>
/// Runs real helm: the one on PATH, else the one test.sh installs into .tools/helm/bin. A missing
/// helm fails the test (test.sh always installs it), it is never skipped.
/// </summary>
public static class Helm
{
    public static string Executable { get; } = Find();

    /// <summary>helm template of the chart with the given values files and --set pairs; the rendered YAML.</summary>
    public static async Task<string> TemplateAsync(IEnumerable<string> valuesFiles, IDictionary<string, string>? set = null, string? ns = null)
    {
        var args = new List<string> { "template", "accreditation", Repository.PathOf("charts", "accreditation") };
        if (ns is not null)
        {
            args.AddRange(["--namespace", ns]);
        }

        foreach (var file in valuesFiles)
        {
            args.AddRange(["-f", file]);
        }

        foreach (var (key, value) in set ?? new Dictionary<string, string>())
        {
            args.AddRange(["--set", $"{key}={value}"]);
        }

        var (exit, output, error) = await RunAsync(args);
        return exit == 0 ? output : throw new InvalidOperationException($"helm template failed ({exit}): {error}");
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("helm did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "helm"))
            .FirstOrDefault(File.Exists);
        var installed = Repository.PathOf(".tools", "helm", "bin", "helm");
        return onPath ?? (File.Exists(installed) ? installed
            : throw new InvalidOperationException("helm is neither on PATH nor in .tools/helm/bin: run ./test.sh, which installs it"));
    }
}
