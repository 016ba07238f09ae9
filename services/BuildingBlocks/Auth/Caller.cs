using System.Security.Claims;
using Accreditation.BuildingBlocks.Errors;
using Grpc.Core;

namespace Accreditation.BuildingBlocks.Auth;

/// <summary>Who is calling, read from the authenticated principal.</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Scopes, string? LocalAuthority)
{
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var scopes = user.FindAll(ClaimNames.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var authorities = user.FindAll(ClaimNames.LocalAuthority).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return new Caller(user.FindFirst(ClaimNames.Subject)?.Value ?? "", scopes, authorities.Count == 1 ? authorities[0] : null);
    }

    public static Caller From(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return From(context.GetHttpContext().User);
    }

    /// <summary>The caller's local authority; PERMISSION_DENIED for a caller without exactly one.</summary>
    public string RequireLocalAuthority() =>
        LocalAuthority ?? throw new PermissionDeniedException("the caller's token names no single local authority");
}
