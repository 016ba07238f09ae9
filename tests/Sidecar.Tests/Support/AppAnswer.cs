namespace Accreditation.Sidecar.Tests.Support;

/// <summary>
/// What the fake app answers to a delivery: a status and an optional body. With <see cref="Hang"/>
/// the app holds the request until the test releases it (or the sidecar gives up on it), then
/// answers with the status and body.
/// </summary>
public sealed record AppAnswer(int Status, string? Body = null, bool Hang = false)
{
    public static readonly AppAnswer Success = new(200, """{"status":"SUCCESS"}""");
    public static readonly AppAnswer Empty = new(200);
    public static readonly AppAnswer Retry = new(200, """{"status":"RETRY"}""");
    public static readonly AppAnswer Drop = new(200, """{"status":"DROP"}""");
    public static readonly AppAnswer NotFound = new(404);
    public static readonly AppAnswer ServerError = new(500);

    /// <summary>Holds the request; once released, answers 500.</summary>
    public static readonly AppAnswer NoAnswer = new(500, Hang: true);

    /// <summary>Holds the request; once released, answers SUCCESS.</summary>
    public static readonly AppAnswer SuccessWhenReleased = Success with { Hang = true };
}
