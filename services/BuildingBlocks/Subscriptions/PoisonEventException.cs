namespace Accreditation.BuildingBlocks.Subscriptions;

/// <summary>The event can never be processed: it is dropped to the dead-letter topic instead of retried.</summary>
public sealed class PoisonEventException(string message) : Exception(message);
