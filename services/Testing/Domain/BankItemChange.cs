using Accreditation.Contracts.Testing.V1;

namespace Accreditation.Testing.Domain;

/// <summary>What importing a draft does to the bank: nothing, a first version or a next version.</summary>
public static class BankItemChange
{
    /// <summary>The version to store for <paramref name="draft"/>, or null when its content equals <paramref name="latest"/>.</summary>
    public static Item? NextVersion(Item draft, Item? latest)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var candidate = draft.Clone();
        candidate.Status = ItemStatus.Active;
        candidate.Version = latest?.Version ?? 0;
        if (latest is not null && ContentEquals(candidate, latest))
        {
            return null;
        }

        candidate.Version = (latest?.Version ?? 0) + 1;
        return candidate;
    }

    /// <summary>Same content: everything but version and status (a retired item re-imported unchanged stays retired).</summary>
    private static bool ContentEquals(Item a, Item b)
    {
        var x = a.Clone();
        var y = b.Clone();
        x.Status = y.Status = ItemStatus.Unspecified;
        x.Version = y.Version = 0;
        return x.Equals(y);
    }
}
