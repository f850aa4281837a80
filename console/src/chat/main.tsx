import { render } from 'preact';
import { ChatPage } from './chat.tsx';
import './chat.css';

render(<ChatPage />, document.getElementById('chat')!);
