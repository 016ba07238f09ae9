namespace Accreditation.Sidecar.Delivery;

/// <summary>The app's HTTP answer to one delivery.</summary>
public sealed record AppResponse(int StatusCode, byte[] Body);
