using System.Diagnostics;

namespace Accreditation.RegulatorReporting.Tests.Api.Evaluation;

/// <summary>Debian's chromium, headless (installed by ./test.sh): the rendered DOM of a page, or a screenshot of it.</summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Fails (never skips) when chromium is not installed.</summary>
    public static void RequireInstalled() =>
        Assert.True(File.Exists(Executable), $"{Executable} is missing: the browser test needs Debian's chromium package; run ./test.sh, which installs it (apt-get install -y chromium)");

    public static async Task<string> DumpDomAsync(Uri url)
    {
        var (stdout, _) = await RunAsync(["--dump-dom", url.ToString()]);
        return stdout;
    }

    public static async Task ScreenshotAsync(Uri url, string file)
    {
        await RunAsync(["--screenshot=" + file, url.ToString()]);
        Assert.True(File.Exists(file), $"chromium wrote no screenshot to {file}");
    }

    private static async Task<(string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments)
    {
        RequireInstalled();
        var profile = Directory.CreateTempSubdirectory("evaluation-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile.FullName, "--window-size=1280,2000", .. arguments])
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within {Limit}: {await stderr}");
            }

            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await stderr}");
            return (await stdout, await stderr);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
