namespace Accreditation.Sidecar.Api;

/// <summary>A publish that did not happen, with the error code daprd would report.</summary>
public sealed record PublishFailure(PublishError Kind, string ErrorCode, string Message);
