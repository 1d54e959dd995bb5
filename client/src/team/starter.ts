/**
 * What "New pack" opens with: the smallest complete pack (one behavioural
 * question with a full rubric and exemplars), valid as it stands, so an author
 * edits from something that works. docs/scenario-format.md has every field.
 */
export const STARTER_PACK = `# A scenario pack: rounds, questions, and a rubric for every question.
# The whole format: docs/scenario-format.md. Change the id before publishing:
# it names the pack in URLs and cannot change afterwards.
id: my-pack
title: My interview pack
description: One behavioural round to start from.
rounds:
  - { id: behavioural, kind: behavioural, title: Behavioural, minutes: 10 }
questions:
  - id: failure-story
    kind: behavioural
    level: junior
    title: A failure you owned
    prompt: |
      Tell me about a time something you built failed in front of users.
      What happened, what did you do, and what changed afterwards?
    timeGuideMinutes: 5
    rubric:
      - id: star
        title: Story structure
        weight: 1
        description: Situation, task, action and result are all there.
        anchors:
          "0": No story.
          "1": A situation only.
          "2": Situation and action, no result.
          "3": All four parts, result vague.
          "4": All four parts with a measured result.
        evidence:
          concepts:
            - { label: situation, terms: [situation, context, "we were"] }
            - { label: action, terms: ["i decided", "i wrote", "i added", "i rolled back"] }
            - { label: result, terms: [result, outcome, reduced, "went from"] }
        probes: ["What was the measurable result?"]
        strongAnswerAdds: A number for the result and what changed afterwards.
    exemplars:
      - level: strong
        answer: "The situation: we were launching a summariser and it broke. I rolled back within ten minutes. The result: complaints went from 40 a day to 2."
        scores: { star: 4 }
      - level: adequate
        answer: "We were launching a summariser and it broke, so I rolled back the release that evening."
        scores: { star: 3 }
      - level: weak
        answer: "Things break sometimes, it happens to everyone."
        scores: { star: 0 }
`;
