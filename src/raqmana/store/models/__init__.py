"""All tables, split by area. Importing this package registers every model on ``Base.metadata``."""

from raqmana.store.base import Base
from raqmana.store.models.assessments import Assessment, AssessmentInstitution, Assignment
from raqmana.store.models.audit import AuditEvent, AuditHead
from raqmana.store.models.documents import (
    DocumentAnalysis,
    DocumentPassage,
    DocumentSuggestion,
    RegisterEntry,
    StoredDocument,
)
from raqmana.store.models.evidence import Evidence
from raqmana.store.models.exchange import OutboxEvent, Webhook, WebhookDelivery
from raqmana.store.models.followup import KpiObservation, ProgressReport, RoadmapVersion, ServiceEdit
from raqmana.store.models.frameworks import FrameworkVersion
from raqmana.store.models.jobs import Job
from raqmana.store.models.orgs import Organisation
from raqmana.store.models.participation import (
    Consultation,
    ConsultationComment,
    ConsultationSection,
    FeedbackCase,
)
from raqmana.store.models.responses import (
    CompletionCount,
    CompletionStamp,
    Response,
    ResponseRevision,
    ReviewComment,
)
from raqmana.store.models.services import Publication, Service
from raqmana.store.models.surveys import SurveySubmission, SurveySubmissionRevision
from raqmana.store.models.users import ApiToken, AuthSession, LoginThrottle, RoleGrant, User

__all__ = [
    "ApiToken",
    "Assessment",
    "AssessmentInstitution",
    "Assignment",
    "AuditEvent",
    "AuditHead",
    "AuthSession",
    "Base",
    "CompletionCount",
    "CompletionStamp",
    "Consultation",
    "ConsultationComment",
    "ConsultationSection",
    "DocumentAnalysis",
    "DocumentPassage",
    "DocumentSuggestion",
    "Evidence",
    "FeedbackCase",
    "FrameworkVersion",
    "Job",
    "KpiObservation",
    "LoginThrottle",
    "Organisation",
    "OutboxEvent",
    "ProgressReport",
    "Publication",
    "RegisterEntry",
    "Response",
    "ResponseRevision",
    "ReviewComment",
    "RoadmapVersion",
    "RoleGrant",
    "Service",
    "ServiceEdit",
    "StoredDocument",
    "SurveySubmission",
    "SurveySubmissionRevision",
    "User",
    "Webhook",
    "WebhookDelivery",
]
