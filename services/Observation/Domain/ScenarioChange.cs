using Accreditation.Contracts.Observation.V1;

namespace Accreditation.Observation.Domain;

/// <summary>What importing a draft scenario does: nothing, a first version or a next version.</summary>
public static class ScenarioChange
{
    /// <summary>The version to store for <paramref name="draft"/>, or null when its content equals <paramref name="latest"/>.</summary>
    public static Scenario? NextVersion(Scenario draft, Scenario? latest)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var next = draft.Clone();
        next.Status = ScenarioStatus.Active;
        if (latest is not null && ContentEquals(next, latest))
        {
            return null;
        }

        next.Version = (latest?.Version ?? 0) + 1;
        return next;
    }

    /// <summary>Same content: everything but version and status (a retired scenario re-imported unchanged stays retired).</summary>
    private static bool ContentEquals(Scenario a, Scenario b)
    {
        var x = a.Clone();
        var y = b.Clone();
        x.Status = y.Status = ScenarioStatus.Unspecified;
        x.Version = y.Version = 0;
        return x.Equals(y);
    }
}
