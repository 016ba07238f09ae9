using System.Collections.Concurrent;
using Accreditation.BuildingBlocks.Outbox;

namespace Accreditation.TestSupport;

/// <summary>
/// An <see cref="IEventTransport"/> that records what it accepted and can be told to fail, standing
/// in for the sidecar in tests of the outbox.
/// </summary>
public sealed class RecordingTransport : IEventTransport
{
    private readonly ConcurrentQueue<OutboxMessage> _published = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string?> _traceParents = new();
    private int _failuresLeft;
    private int _attempts;

    /// <summary>Every call fails while true.</summary>
    public bool Unavailable { get; set; }

    public IReadOnlyList<OutboxMessage> Published => [.. _published];

    /// <summary>The trace context each accepted publish ran in (<see cref="System.Diagnostics.Activity.Current"/>), in publish order.</summary>
    public IReadOnlyList<string?> PublishedInTrace => [.. _traceParents];

    /// <summary>Publishes to <paramref name="topic"/> are refused for good (as a sidecar refuses a topic the app may not publish).</summary>
    public void Refuse(string topic) => _refused[topic] = true;

    public void Accept(string topic) => _refused.TryRemove(topic, out _);

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The next <paramref name="count"/> calls fail.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public IReadOnlyList<OutboxMessage> PublishedTo(string topic) => [.. _published.Where(m => m.Topic == topic)];

    public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Unavailable || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("sidecar unavailable (test)");
        }

        if (_refused.ContainsKey(message.Topic))
        {
            throw new PublishRefusedException($"{message.Topic} is not allowed (test)");
        }

        _traceParents.Enqueue(System.Diagnostics.Activity.Current?.Id);
        _published.Enqueue(message);
        return Task.CompletedTask;
    }
}
