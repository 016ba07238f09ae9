using System.Net;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>Polls a health URL until it answers the expected status, failing early when the process died.</summary>
public static class HttpHealth
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task WaitAsync(string url, HttpStatusCode expected, ChildProcess process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer yet";
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.Name} exited with code {process.ExitCode} before {url} answered; output:\n{process.Output.Last(60)}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri(url));
                if (response.StatusCode == expected)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{process.Name}: {url} did not answer {(int)expected} within {timeout.TotalSeconds:F0} s (last: {last}); output:\n{process.Output.Last(60)}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}
