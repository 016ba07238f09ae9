using Accreditation.Enrolment;

await EnrolmentHost.Build(args).RunAsync();
