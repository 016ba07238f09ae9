namespace Accreditation.Testing.Domain;

/// <summary>One item of an assembled form: which version of which item, and its options in this sitting's order.</summary>
public sealed record FormItem(int Position, string ItemId, int Version, IReadOnlyList<string> OptionOrder);
