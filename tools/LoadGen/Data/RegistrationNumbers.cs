namespace Accreditation.LoadGen.Data;

/// <summary>
/// Unique registration numbers for a run's enrolments: "SW" and 6 digits, counting up from a random
/// start in the upper half of the range, so runs against the same stores rarely meet.
/// </summary>
public sealed class RegistrationNumbers
{
    public const int Lowest = 500_000;
    public const int Highest = 999_999;

    private readonly int _first;
    private int _next = -1;

    public RegistrationNumbers(Random random, int room = 100_000)
    {
        ArgumentNullException.ThrowIfNull(random);
        _first = random.Next(Lowest, Highest - room);
    }

    public string Next()
    {
        var n = _first + Interlocked.Increment(ref _next);
        return n <= Highest ? "SW" + n : throw new InvalidOperationException("this run used every registration number above its start");
    }
}
