using System.CommandLine;
using Accreditation.BuildingBlocks.Auth;

namespace Accreditation.Cli.Commands;

/// <summary>token: prints the bearer token accredit sends: the one given, else a development token for a scope, a subject and an authority.</summary>
internal static class TokenVerb
{
    public static Command Create(VerbContext context)
    {
        var scope = new Option<string>("--scope")
        {
            Description = $"Scope of the development token ({Scopes.EnrolmentHr}, {Scopes.TestDelivery}, {Scopes.BankAdmin}, {Scopes.Operations}, "
                + $"{Scopes.ObservationScenarioAdmin}, {Scopes.ObservationScheduling}, {Scopes.ObservationAssessor}, {Scopes.ObservationModerator}, {Scopes.ObservationAuditor}, {Scopes.Regulator})",
            HelpName = "scope",
            DefaultValueFactory = _ => Scopes.EnrolmentHr,
        };
        var authority = new Option<string>("--authority")
        {
            Description = "local_authority claim (GSS code) of the development token, e.g. E08000002",
            HelpName = "gss",
        };
        var subject = new Option<string>("--subject")
        {
            Description = "sub claim of the development token (an assessor's id for observation.assessor) [default: accredit's subject for the scope, e.g. accredit-scheduling]",
            HelpName = "sub",
        };
        var command = new Command("token", "Print the bearer token accredit sends: --token or ACCREDIT_TOKEN if given, else a development token") { scope, authority, subject };
        command.Validators.Add(result =>
        {
            if (result.GetValue(scope) == Scopes.ObservationAssessor && string.IsNullOrWhiteSpace(result.GetValue(subject)))
            {
                result.AddError($"--subject (the assessor id) is required for {Scopes.ObservationAssessor}");
            }
        });
        command.SetAction(async (result, _) =>
        {
            using var endpoints = context.Connect(result);
            await context.Output.WriteLineAsync(endpoints.Token(result.GetRequiredValue(scope), result.GetValue(authority), result.GetValue(subject)));
            return 0;
        });
        return command;
    }
}
