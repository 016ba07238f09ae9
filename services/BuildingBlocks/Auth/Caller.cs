using System.Security.Claims;
using Accreditation.BuildingBlocks.Errors;
using Grpc.Core;

namespace Accreditation.BuildingBlocks.Auth;

/// <summary>
/// Who is calling, read once from the authenticated principal: the subject, the scopes and the
/// one local authority (normalised by <see cref="AuthorityCodes"/>) a council HR system acts for.
/// </summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Scopes, string? LocalAuthority)
{
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var scopes = user.FindAll(ClaimNames.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var authorities = user.FindAll(ClaimNames.LocalAuthority)
            .Select(c => AuthorityCodes.Normalise(c.Value))
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var subject = user.FindFirst(ClaimNames.Subject)?.Value.Trim() ?? "";
        return new Caller(subject, scopes, authorities.Count == 1 ? authorities[0] : null);
    }

    public static Caller From(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return From(context.GetHttpContext().User);
    }

    public bool HasSubject => Subject.Length > 0;

    /// <summary>
    /// The caller's own key space for client request ids: the subject, and for a council HR system
    /// also its authority. PERMISSION_DENIED for a caller without a subject (the edge refuses those
    /// already), so no two callers ever share one.
    /// </summary>
    public string CommandScope => !HasSubject
        ? throw new PermissionDeniedException("the caller's token has no subject")
        : LocalAuthority is null ? "sub:" + Subject : $"la:{LocalAuthority}:sub:{Subject}";

    /// <summary>The caller's local authority; PERMISSION_DENIED for a caller without exactly one.</summary>
    public string RequireLocalAuthority() =>
        LocalAuthority ?? throw new PermissionDeniedException("the caller's token names no single local authority");
}
