namespace Accreditation.Sidecar.Components;

/// <summary>What the stand-in took from a resources folder: its pub/sub components and anything it skipped.</summary>
public sealed record ResourceSet(IReadOnlyList<PubSubComponent> PubSubs, IReadOnlyList<string> Warnings);
