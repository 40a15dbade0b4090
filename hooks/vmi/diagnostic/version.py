"""Identity and version of the self-diagnosis questionnaire, computed from its questions.

Every export carries them, so that answers given to another version are matched by
question id and only the questions that did not change are scored (the page names the
others). A question's fingerprint covers what a respondent saw and what it scores: its
axis, text, help line and answers with their points.
"""

from __future__ import annotations

import hashlib
import json

from vmi.core.slugs import slugify
from vmi.model.models import Diagnostic, Question, Recommandation


def _digest(value: object, length: int = 8) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:length]


def question_fingerprint(question: Question) -> str:
    """Changes whenever the question would be read or scored differently."""
    return _digest([question.axe, question.texte, question.aide,
                    [[r.texte, r.points] for r in question.reponses]])


def recommendation_id(recommendation: Recommandation) -> str:
    """A stable id for an action of the plan: the same text on the same axis."""
    return _digest([recommendation.axe, recommendation.texte])


def identity(diagnostic: Diagnostic) -> dict[str, str]:
    """``{"id", "version"}``: the id names the questionnaire (its title), the version its
    questions (ids and fingerprints, in order)."""
    return {"id": slugify(diagnostic.titre),
            "version": _digest([[q.id, question_fingerprint(q)] for q in diagnostic.questions])}
