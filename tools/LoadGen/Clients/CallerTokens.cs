using System.Collections.Concurrent;
using Accreditation.BuildingBlocks.Auth;
using Accreditation.Cli;
using Grpc.Core;

namespace Accreditation.LoadGen.Clients;

/// <summary>
/// The authorization header of each caller kind, minted once per scope and authority as accredit
/// mints them (development tokens signed with the development key, accredit's subject per scope),
/// so no call pays for signing a token.
/// </summary>
public sealed class CallerTokens(string signingKey)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    private readonly AuthOptions _auth = new() { SigningKey = signingKey };
    private readonly ConcurrentDictionary<(string Scope, string Authority), Metadata> _headers = new();

    public Metadata For(string scope, string? authority = null) =>
        _headers.GetOrAdd((scope, authority ?? ""), key =>
        [
            new Metadata.Entry("authorization", "Bearer " + DevelopmentTokens.Mint(_auth, Subjects.For(key.Scope), [key.Scope], key.Authority.Length == 0 ? null : key.Authority, Lifetime)),
        ]);
}
