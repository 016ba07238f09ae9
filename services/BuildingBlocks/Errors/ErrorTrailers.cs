namespace Accreditation.BuildingBlocks.Errors;

/// <summary>Trailer names the error mapping adds to a failed call.</summary>
public static class ErrorTrailers
{
    /// <summary>The request field at fault (proto spelling).</summary>
    public const string Field = "x-error-field";

    /// <summary>Trace id the service logged the failure under.</summary>
    public const string TraceId = "x-trace-id";
}
