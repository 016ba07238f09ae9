using Accreditation.System.Tests.Probe;
using Google.Protobuf;

namespace Accreditation.System.Tests.Support;

/// <summary>Waiting for the probe to receive events, with the system's diagnostics on timeout.</summary>
public static class EventWaits
{
    /// <summary>Waits until at least <paramref name="count"/> deliveries of <typeparamref name="T"/> match; returns them.</summary>
    public static async Task<IReadOnlyList<Delivery<T>>> WaitForEventsAsync<T>(this SystemUnderTest system, Func<T, bool> where, int count = 1, TimeSpan? timeout = null)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(system);
        await system.WaitUntilAsync(() => system.Probe.Of(where).Count >= count, $"{count} {typeof(T).Name} event(s)", timeout);
        return system.Probe.Of(where);
    }
}
