using System.CommandLine;
using System.CommandLine.Invocation;
using Accreditation.Cli.Commands;
using Grpc.Core;

namespace Accreditation.Cli;

/// <summary>
/// The accredit command line (System.CommandLine): global options, one subcommand per verb. Exit
/// codes: 0 done; 1 the platform or the broker refused or failed (the status is printed); 2 the
/// command line was wrong (unknown verb or option, missing or malformed value), with the help.
/// </summary>
public static class CliApp
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const int Cancelled = 130;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, new CliHost(output, error));

    public static async Task<int> RunAsync(string[] args, CliHost host)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(host);
        var result = Build(host).Parse(args);
        if (result.Action is ParseErrorAction)
        {
            // The errors, "did you mean" suggestions and the help of the command at fault, all on the error writer.
            await result.InvokeAsync(new InvocationConfiguration { Output = host.Error, Error = host.Error });
            return UsageError;
        }

        try
        {
            return await result.InvokeAsync(new InvocationConfiguration
            {
                Output = host.Output,
                Error = host.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            await host.Error.WriteLineAsync("accredit: " + e.Message);
            return UsageError;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
        {
            await host.Error.WriteLineAsync("accredit: cancelled");
            return Cancelled;
        }
        catch (OperationCanceledException)
        {
            await host.Error.WriteLineAsync("accredit: cancelled");
            return Cancelled;
        }
        catch (RpcException e)
        {
            await host.Error.WriteLineAsync($"accredit: {e.StatusCode}: {e.Status.Detail}");
            return Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException
            or Google.Protobuf.InvalidJsonException or Google.Protobuf.InvalidProtocolBufferException or StackExchange.Redis.RedisException)
        {
            await host.Error.WriteLineAsync($"accredit: {e.Message}");
            return Failed;
        }
    }

    /// <summary>The command tree: every verb with its options; the global options reach every verb.</summary>
    public static RootCommand Build(CliHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var globals = new GlobalOptions();
        var context = new VerbContext(host, globals);
        var root = new RootCommand("accredit: the command line of the accreditation platform (enrolment, knowledge test, simulated practice, the regulator's register, the Department's evaluation, simulation, outboxes, dead letters)")
        {
            HelpName = "accredit",
        };
        foreach (var option in globals.All)
        {
            root.Add(option);
        }

        Command[] verbs =
        [
            TokenVerb.Create(context),
            .. EnrolmentVerbs.Create(context),
            .. TestingVerbs.Create(context),
            .. PracticeAdminVerbs.Create(context),
            .. SchedulingVerbs.Create(context),
            .. MarkingVerbs.Create(context),
            OutboxVerbs.Create(context),
            .. DeadLetterVerbs.Create(context),
            .. RegulatorVerbs.Create(context),
            EvaluationVerb.Create(context),
            SimulateVerb.Create(context),
        ];
        foreach (var verb in verbs)
        {
            root.Add(verb);
        }

        // "accredit help", as before System.CommandLine: the same as accredit --help. Hidden from the verb list.
        var help = new Command("help", "Show help and usage information") { Hidden = true };
        help.SetAction(result => root.Parse(["--help"]).Invoke(result.InvocationConfiguration));
        root.Add(help);
        return root;
    }
}
