// The module a page loads: defines <note-quiz> (unless the page already did) and exports the
// class. To use another tag name, import note-quiz-element.js and call
// NoteQuizElement.define('my-quiz') instead (docs/embedding.md).
import { NoteQuizElement } from './note-quiz-element.js';

if (!customElements.get('note-quiz')) NoteQuizElement.define();

export { NoteQuizElement };
export default NoteQuizElement;
