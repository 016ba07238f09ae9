using System.Text.Json;
using Accreditation.LoadGen.Echo;

namespace Accreditation.LoadGen.Tests;

/// <summary>The load generator runs and writes valid JSON. A second or two against the echo server; nothing is asserted about speed.</summary>
public sealed class SmokeTests : IDisposable
{
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"loadgen-smoke-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Run_EchoInProcess_WritesJsonWithRequests()
    {
        await using var echo = await EchoServer.StartAsync(0, CancellationToken.None);

        var exit = await RunAsync("--echo-url", echo.Url);

        Assert.Equal(LoadApp.Succeeded, exit);
        AssertEchoReport(File.ReadAllText(_json), expectEchoProcess: false);
    }

    [Fact]
    public async Task Run_StartEcho_ReportsTheChildsCpu()
    {
        var exit = await RunAsync("--start-echo");

        Assert.Equal(LoadApp.Succeeded, exit);
        AssertEchoReport(File.ReadAllText(_json), expectEchoProcess: true);
    }

    [Fact]
    public async Task Run_EchoWithoutAddress_IsAUsageError()
    {
        var error = new StringWriter();

        var exit = await LoadApp.RunAsync(["run", "--paths", "echo"], new StringWriter(), error);

        Assert.Equal(LoadApp.UsageError, exit);
        Assert.Contains("--echo-url", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_json);

    private async Task<int> RunAsync(params string[] echo)
    {
        string[] args = ["run", "--paths", "echo", "--warmup", "0.2s", "--window", "1s", "--connections", "1", "--concurrency", "2", "--json", _json, .. echo];
        return await LoadApp.RunAsync(args, new StringWriter(), new StringWriter());
    }

    private static void AssertEchoReport(string json, bool expectEchoProcess)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("accredit-load", root.GetProperty("tool").GetString());
        Assert.True(root.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("machine").GetProperty("os").GetString()));
        var settings = root.GetProperty("settings");
        Assert.Equal(1, settings.GetProperty("connections").GetInt32());
        Assert.Equal(2, settings.GetProperty("concurrency").GetInt32());
        var path = root.GetProperty("paths").GetProperty("echo");
        Assert.True(path.GetProperty("requests").GetInt64() > 0);
        Assert.Equal(0, path.GetProperty("errors").GetInt64());
        Assert.True(path.GetProperty("rps").GetDouble() > 0);
        Assert.True(path.GetProperty("p99_ms").GetDouble() >= path.GetProperty("p50_ms").GetDouble());
        Assert.Equal(1, path.GetProperty("ratio_to_echo").GetDouble());
        Assert.True(path.GetProperty("cpu").TryGetProperty("loadgen", out _));
        Assert.Equal(expectEchoProcess, path.GetProperty("cpu").TryGetProperty("echo", out var echoCpu));
        if (expectEchoProcess)
        {
            Assert.True(echoCpu.GetProperty("seconds").GetDouble() >= 0);
        }
        Assert.Equal(JsonValueKind.Null, root.GetProperty("lag").ValueKind);
    }
}
