using Accreditation.Sidecar.Configuration;
using Microsoft.Extensions.Logging;

namespace Accreditation.Sidecar.Tests.Configuration;

public sealed class CommandLineTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Parse_DaprdFlags_AllRead()
    {
        var options = CommandLine.Parse(
            ["--app-id", "enrolment", "--app-port", "5101", "--dapr-grpc-port", "50101", "--dapr-http-port=3501",
             "--resources-path", "/tmp/components", "--redis-host", "127.0.0.1:6380", "--retry-count", "5",
             "--retry-backoff", "250ms", "--processing-timeout", "10s", "--redeliver-interval", "2s", "--delivery-timeout", "30s", "--log-level", "debug"],
            NoEnvironment);

        Assert.Equal("enrolment", options.AppId);
        Assert.Equal(5101, options.AppPort);
        Assert.Equal(50101, options.GrpcPort);
        Assert.Equal(3501, options.HttpPort);
        Assert.Equal("/tmp/components", options.ResourcesPath);
        Assert.Equal("127.0.0.1:6380", options.RedisHost);
        Assert.Equal(5, options.RetryCount);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryBackoff);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ProcessingTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RedeliverInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DeliveryTimeout);
        Assert.Equal(LogLevel.Debug, options.LogLevel);
    }

    [Fact]
    public void Parse_ComponentsPathAliasAndSingleDash_Accepted()
    {
        var options = CommandLine.Parse(["-app-id", "a", "--components-path", "/c"], NoEnvironment);

        Assert.Equal("a", options.AppId);
        Assert.Equal("/c", options.ResourcesPath);
        Assert.Null(options.AppPort);
    }

    [Fact]
    public void Parse_Environment_TokensRead()
    {
        var env = new Dictionary<string, string> { ["DAPR_API_TOKEN"] = "t1", ["APP_API_TOKEN"] = "t2" };

        var options = CommandLine.Parse(["--app-id", "a"], name => env.GetValueOrDefault(name));

        Assert.Equal("t1", options.ApiToken);
        Assert.Equal("t2", options.AppApiToken);
    }

    [Theory]
    [InlineData("--app-port", "5000")]
    [InlineData("--app-id", "a", "--app-port", "port")]
    [InlineData("--app-id", "a", "--frobnicate", "1")]
    [InlineData("--app-id", "a", "--retry-backoff", "soon")]
    [InlineData("--app-id", "a", "--app-protocol", "grpc")]
    [InlineData("--app-id", "a", "--log-level", "loud")]
    public void Parse_BadArguments_ArgumentException(params string[] args) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(args, NoEnvironment));
}
