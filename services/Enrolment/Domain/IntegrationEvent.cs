using Google.Protobuf;

namespace Accreditation.Enrolment.Domain;

/// <summary>An integration event to publish, with its topic and id.</summary>
public sealed record IntegrationEvent(string Topic, string EventId, IMessage Message);
