namespace Accreditation.Enrolment.Infrastructure;

/// <summary>
/// The first answer to a command, kept under the caller's client request id so that a retry gets
/// the same answer. The fingerprint detects an id reused for a different request.
/// </summary>
public sealed record CommandRecord(string CallerAuthority, string Rpc, string ClientRequestId, string Fingerprint, byte[] Response);
