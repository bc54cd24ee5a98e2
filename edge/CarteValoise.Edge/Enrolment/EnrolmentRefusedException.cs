namespace CarteValoise.Edge.Enrolment;

/// <summary>The cloud will not take this code: retrying cannot help, a person must give a new one.</summary>
public sealed class EnrolmentRefusedException(string message) : Exception(message);
