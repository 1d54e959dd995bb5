/** The form view's sections; PackForm composes them. */
export { QuestionBasics } from "./QuestionBasics.js";
export { RubricFields } from "./RubricFields.js";
export { ExemplarFields } from "./ExemplarFields.js";
export { Text } from "./fields.js";
