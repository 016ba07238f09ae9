using System.Globalization;

namespace Accreditation.Sidecar.CloudEvents;

/// <summary>
/// W3C trace context (traceparent / tracestate) as the stand-in carries it from a publish request
/// into the CloudEvent and from the CloudEvent to the app.
/// </summary>
public static class TraceContext
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    /// <summary>CloudEvent attributes (and, for raw payloads, stream metadata keys) daprd uses for the trace context.</summary>
    public const string TraceIdField = "traceid";
    public const string TraceParentField = "traceparent";
    public const string TraceStateField = "tracestate";

    /// <summary>
    /// The caller's traceparent when it is a valid W3C traceparent (version-traceid-parentid-flags,
    /// lower-case hex, ids not all zero), else a new one, as daprd starts a new trace then.
    /// </summary>
    public static string FromRequest(string? traceParent) => IsValid(traceParent) ? traceParent! : NewTraceParent();

    /// <summary>A new W3C traceparent with random trace and span ids, sampled.</summary>
    public static string NewTraceParent() =>
        string.Create(CultureInfo.InvariantCulture, $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01");

    public static bool IsValid(string? traceParent)
    {
        if (traceParent is not { Length: 55 } || traceParent[2] != '-' || traceParent[35] != '-' || traceParent[52] != '-')
        {
            return false;
        }

        var version = traceParent[..2];
        var traceId = traceParent[3..35];
        var parentId = traceParent[36..52];
        var flags = traceParent[53..];
        return IsHex(version) && version != "ff" && IsHex(traceId) && IsHex(parentId) && IsHex(flags)
            && traceId.Any(c => c != '0') && parentId.Any(c => c != '0');
    }

    private static bool IsHex(string s) => s.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
