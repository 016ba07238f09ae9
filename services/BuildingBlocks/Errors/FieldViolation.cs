namespace Accreditation.BuildingBlocks.Errors;

/// <summary>One problem with one request field (proto spelling, with indexes: items[3].keys).</summary>
public sealed record FieldViolation(string Field, string Message);
