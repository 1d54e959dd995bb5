import type { LexiconEntry } from "../schema.js";

/** Fine-tuning and training: adapters, forgetting, few-shot, preference data, over-fitting. */
export const FINE_TUNING: LexiconEntry[] = [
  {
    id: "lora-adapter",
    terms: ["lora", "qlora", "adapter", "peft", "parameter-efficient"],
    plain: [
      "train* only|just small|few extra|added weight*|layer*|matri*|part* on top|while|keep* base|rest frozen|fixed",
      "freeze|keep* base model|weight* train* small|extra",
    ],
  },
  {
    id: "fine-tuning",
    terms: ["fine-tun", "finetun", "fine tun"],
    plain: [
      "train* model further|more|again on our|own|labelled|example*|data|ticket*|email*",
      "teach* model our|format|task|label*|style from|with|on example*",
    ],
  },
  {
    id: "catastrophic-forgetting",
    terms: ["catastrophic forgetting", "forgetting", "forgets"],
    plain: ["model lose*|lost|forget*|forgot what|skill*|abilit* it|general knew|had|before"],
  },
  {
    id: "overfitting",
    terms: ["overfit", "over-fit", "memoris", "memoriz"],
    plain: [
      "model|it learn*|memor* training|example*|data by heart|too closely|exactly",
      "score* well|high on train*|example*|set it saw|seen but|not badly|poor|fail* on new|unseen",
    ],
  },
  {
    id: "few-shot",
    terms: ["few-shot", "few shot", "in-context examples", "examples in the prompt"],
    plain: [
      "put*|add*|include*|show* few|some|two|three worked|example* in|into prompt|instruction*",
      "show* model|it example* of|what good|right|correct",
    ],
  },
  {
    id: "preference-data",
    terms: ["dpo", "rlhf", "preference data", "preference pairs", "reward model"],
    plain: [
      "pair* of better|preferred and worse|rejected answer*|output*",
      "people pick*|choose* which of two answer*|output* better train*",
    ],
  },
  {
    id: "synthetic-data",
    terms: ["synthetic data", "synthetic examples", "generated examples", "data augmentation"],
    plain: [
      "model|llm generate*|write*|create* more|extra|new training|example*|question*|data",
      "make*|create* fake|artificial example*|data|case* to train|cover",
    ],
  },
  {
    id: "retrieval-for-knowledge",
    terms: ["retrieval for changing", "changing knowledge", "inject the", "policy text", "in the context"],
    plain: [
      "put*|pass*|give*|insert* current|latest|changing policy|text|fact*|rule*|knowledge in|into prompt|context at|each|when",
      "look* up|fetch* current|latest policy|rule*|fact* at|each question|request time|run",
    ],
  },
  {
    id: "retraining-cadence",
    terms: ["retrain", "re-train", "every quarter", "new adapter", "quarterly"],
    plain: [
      "train* again|new version|anew every|each quarter|month|few month*|time",
      "refresh*|update* model|adapter with|on new|fresh|latest data|example* every|each|regularly",
    ],
  },
];
