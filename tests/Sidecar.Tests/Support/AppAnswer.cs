namespace Accreditation.Sidecar.Tests.Support;

/// <summary>What the fake app answers to a delivery: a status and an optional body, or never (Hang).</summary>
public sealed record AppAnswer(int Status, string? Body = null, bool Hang = false)
{
    public static readonly AppAnswer Success = new(200, """{"status":"SUCCESS"}""");
    public static readonly AppAnswer Empty = new(200);
    public static readonly AppAnswer Retry = new(200, """{"status":"RETRY"}""");
    public static readonly AppAnswer Drop = new(200, """{"status":"DROP"}""");
    public static readonly AppAnswer NotFound = new(404);
    public static readonly AppAnswer ServerError = new(500);
    public static readonly AppAnswer NoAnswer = new(0, Hang: true);
}
