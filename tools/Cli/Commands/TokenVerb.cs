using Accreditation.BuildingBlocks.Auth;

namespace Accreditation.Cli.Commands;

/// <summary>token: prints a development bearer token for a scope and an authority.</summary>
internal static class TokenVerb
{
    public static async Task<int> RunAsync(CliArguments args, Endpoints endpoints, TextWriter output)
    {
        var scope = args.OrDefault("scope", Scopes.EnrolmentHr);
        await output.WriteLineAsync(endpoints.Token(scope, args.Optional("authority")));
        return 0;
    }
}
