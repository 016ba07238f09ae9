namespace Accreditation.Cli.Tests.Support;

/// <summary>Runs accredit in process against writers, given environment variables and optionally a fake service.</summary>
public sealed class CliRun
{
    private CliRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string>? variables = null, FakeGrpcHandler? services = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(output, error)
        {
            // Never the test process's own environment: a developer's ACCREDIT_TOKEN must not leak in.
            Variable = name => variables?.GetValueOrDefault(name),
            HttpHandler = services?.Factory,
        };
        var code = await CliApp.RunAsync(args, host);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- output:\n{Output}\n--- error:\n{Error}";
}
