"""``quiz`` blocks: examples inside other code blocks stay examples; errors are named."""

from vmi.content.quiz import find_quizzes

QUIZ = """```quiz
question: "Combien ?"
reponses:
  - texte: "6"
    correct: false
    explication: Non.
  - texte: "67"
    correct: true
    explication: Oui.
```"""


def test_quiz_inside_a_four_backtick_block_is_left_alone():
    text = f"Exemple :\n\n````markdown\n{QUIZ}\n````\n\n{QUIZ}\n"
    blocks, errors = find_quizzes(text, "docs/contribuer.md")
    assert errors == []
    assert [block.start for block in blocks] == [15]


def test_yaml_errors_in_a_quiz_are_named_quiz_fields():
    text = QUIZ.replace("correct: false", "correct: no")
    [error] = find_quizzes(text, "docs/p.md", first_line=10)[1]
    assert str(error) == ("docs/p.md:14: quiz.reponses[1].correct: « no » serait lu comme "
                          "vrai/faux : écrivez true ou false, ou mettez le texte entre "
                          "guillemets (\"no\")")
