using Accreditation.LoadGen.Clients;
using Accreditation.LoadGen.Data;
using Accreditation.LoadGen.Measurement;

namespace Accreditation.LoadGen.Paths;

/// <summary>What every path shares: the client channels and tokens, the run's enrolments and numbers, the load shape.</summary>
public sealed record PathContext(
    Targets Targets,
    ChannelSet Channels,
    CallerTokens Tokens,
    EnrolmentPool Pool,
    RegistrationNumbers Numbers,
    LoadShape Shape,
    int SeedEnrolments,
    int CheckBatch,
    int ListPageSize);
