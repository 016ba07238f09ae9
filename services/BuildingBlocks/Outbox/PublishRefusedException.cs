namespace Accreditation.BuildingBlocks.Outbox;

/// <summary>
/// The sidecar refused a publish for good (the topic is not allowed, the component does not exist,
/// the request is malformed): retrying the same entry now cannot help. Transports throw it; every
/// other failure counts as transient.
/// </summary>
public sealed class PublishRefusedException(string message, Exception? inner = null) : Exception(message, inner);
