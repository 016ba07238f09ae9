using System.Collections.Concurrent;
using System.Diagnostics;

namespace Accreditation.Cli.Simulation;

/// <summary>Counts of a simulation run, safe to update from concurrent journeys.</summary>
public sealed class SimulationStats
{
    private readonly ConcurrentDictionary<(string Authority, Stage Stage), int> _reached = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _notes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PracticeSession> _sessions = new();
    private readonly ConcurrentQueue<SimulatedCandidate> _candidates = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _calls;
    private int _finished;

    public int Finished => Volatile.Read(ref _finished);

    public long Calls => Interlocked.Read(ref _calls);

    public int ErrorCount => _errors.Values.Sum();

    public IReadOnlyDictionary<string, int> Errors => _errors;

    /// <summary>Things worth telling that are not errors (a resit the cool-off put beyond the wait), with how often.</summary>
    public IReadOnlyDictionary<string, int> Notes => _notes;

    /// <summary>Every simulated-practice session the simulation scheduled, in the order scheduled.</summary>
    public IReadOnlyList<PracticeSession> Sessions => [.. _sessions];

    /// <summary>Every candidate the simulation enrolled, with the passes it drove them to, in the order their journeys ended.</summary>
    public IReadOnlyList<SimulatedCandidate> Candidates => [.. _candidates];

    public void Call() => Interlocked.Increment(ref _calls);

    public void Reached(string authority, Stage stage) => _reached.AddOrUpdate((authority, stage), 1, (_, n) => n + 1);

    public void Error(string what) => _errors.AddOrUpdate(what, 1, (_, n) => n + 1);

    public void Note(string what) => _notes.AddOrUpdate(what, 1, (_, n) => n + 1);

    public void Scheduled(PracticeSession session) => _sessions.Enqueue(session ?? throw new ArgumentNullException(nameof(session)));

    public void Enrolled(SimulatedCandidate candidate) => _candidates.Enqueue(candidate ?? throw new ArgumentNullException(nameof(candidate)));

    public void JourneyDone() => Interlocked.Increment(ref _finished);

    public int Count(string authority, Stage stage) => _reached.GetValueOrDefault((authority, stage));

    public TimeSpan Elapsed => _clock.Elapsed;
}
