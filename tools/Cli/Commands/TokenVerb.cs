using System.CommandLine;
using Accreditation.BuildingBlocks.Auth;

namespace Accreditation.Cli.Commands;

/// <summary>token: prints the bearer token accredit sends: the one given, else a development token for a scope and an authority.</summary>
internal static class TokenVerb
{
    public static Command Create(VerbContext context)
    {
        var scope = new Option<string>("--scope")
        {
            Description = $"Scope of the development token ({Scopes.EnrolmentHr}, {Scopes.TestDelivery}, {Scopes.BankAdmin})",
            HelpName = "scope",
            DefaultValueFactory = _ => Scopes.EnrolmentHr,
        };
        var authority = new Option<string>("--authority")
        {
            Description = "local_authority claim (GSS code) of the development token, e.g. E08000002",
            HelpName = "gss",
        };
        var command = new Command("token", "Print the bearer token accredit sends: --token or ACCREDIT_TOKEN if given, else a development token") { scope, authority };
        command.SetAction(async (result, _) =>
        {
            using var endpoints = context.Connect(result);
            await context.Output.WriteLineAsync(endpoints.Token(result.GetRequiredValue(scope), result.GetValue(authority)));
            return 0;
        });
        return command;
    }
}
