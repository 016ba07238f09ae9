using System.Text.Json.Serialization;

namespace Accreditation.BuildingBlocks.Subscriptions;

/// <summary>The body Dapr reads after a delivery: SUCCESS, RETRY or DROP.</summary>
public sealed record DaprStatus([property: JsonPropertyName("status")] string Status);
